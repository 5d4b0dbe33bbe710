package io.uptake.chat.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import io.uptake.chat.PersonalCommands;
import io.uptake.people.LinkIdentity;
import jakarta.inject.Singleton;

/** {@code /uptake}: a person's own settings; replies only they can see. */
@Singleton
class UptakeCommand implements SlackListener {

    static final String COMMAND = "/uptake";

    private final LinkIdentity identities;
    private final PersonalCommands commands;

    UptakeCommand(LinkIdentity identities, PersonalCommands commands) {
        this.identities = identities;
        this.commands = commands;
    }

    @Override
    public void register(App app) {
        app.command(COMMAND, (request, context) -> {
            SlashCommandPayload payload = request.getPayload();
            long person = identities.link(new LinkIdentity.ChatUser("slack", payload.getTeamId(), payload.getUserId(),
                    null, null, null, null, null, null));
            return context.ack(commands.run(person, payload.getText()));
        });
    }
}
