package io.uptake.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.uptake.message.MyData;
import io.uptake.people.ExportMyData;
import io.uptake.people.ForgetMe;
import java.util.List;

/** Data requests that arrive by mail: an admin exports or erases a person by their email address. */
@Controller("/api/v1/people")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "People")
@SecurityRequirement(name = "admin")
final class PeopleController {

    /** Everything Uptake holds about one person, in the sections their own {@code mydata} export has. */
    @Serdeable
    record PersonExport(String email, List<MyData.Section> sections) {
    }

    /** What an erasure did. */
    @Serdeable
    record Erasure(String email, boolean erased, String message) {
    }

    private final ExportMyData export;
    private final ForgetMe forgetMe;

    PeopleController(ExportMyData export, ForgetMe forgetMe) {
        this.export = export;
        this.forgetMe = forgetMe;
    }

    @Get("/{email}/export")
    @Operation(operationId = "exportPerson", summary = "Everything Uptake holds about the person with this email")
    @ApiResponse(responseCode = "200", description = "The person's data, in sections")
    @ApiResponse(responseCode = "404", description = "Nobody has this email (an erased person has none)")
    HttpResponse<?> export(@PathVariable String email) {
        return export.byEmail(email).<HttpResponse<?>>map(sections -> HttpResponse.ok(new PersonExport(email,
                sections))).orElseGet(() -> notFound(email));
    }

    @Delete("/{email}")
    @Operation(operationId = "erasePerson", summary = "Erase the person with this email, as their forget-me does",
            description = "Their email, name, zone and chat accounts go, comments are deleted, answers and usage "
                    + "unlinked (totals keep their counts). A one-way fingerprint of their email and chat accounts "
                    + "is kept so that no programmes file or directory sync adds them back until they type optin.")
    @ApiResponse(responseCode = "200", description = "Erased")
    @ApiResponse(responseCode = "404", description = "Nobody has this email (an erased person has none)")
    HttpResponse<?> erase(@PathVariable String email) {
        if (forgetMe.eraseByEmail(email) instanceof ForgetMe.Result.Erased) {
            return HttpResponse.ok(new Erasure(email, true, "Erased. A one-way fingerprint of the email and chat "
                    + "accounts is kept, so no sync adds this person back until they type optin themselves."));
        }
        return notFound(email);
    }

    private static HttpResponse<?> notFound(String email) {
        String shown = email.length() > 80 ? email.substring(0, 80) + "…" : email;
        return HttpResponse.notFound(ApiError.of("Uptake holds nobody with the email " + shown
                + " (after an erasure, nobody has it)."));
    }
}
