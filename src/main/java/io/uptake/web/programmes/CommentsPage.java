package io.uptake.web.programmes;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.uptake.catalog.CatalogViews.ProgrammeView;
import io.uptake.catalog.CatalogViews.WorkflowView;
import io.uptake.catalog.ReadCatalog;
import io.uptake.pulse.RoundComments;
import io.uptake.web.Frames;
import io.uptake.web.Viewer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow's comments, for the two people its pulses name as their readers: the workflow's owner and the
 * programme's sponsor. Each closed round that enough people answered shows its comments grouped by blocker, in
 * the order of their words; a round below the threshold shows only how many comments it holds. An admin sees
 * that comments exist and who may read them, never the words; anyone else gets the same 404 as for a workflow
 * that does not exist.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class CommentsPage {

    private final Frames frames;
    private final ReadCatalog catalog;
    private final RoundComments comments;
    private final ErrorPages errors;

    CommentsPage(Frames frames, ReadCatalog catalog, RoundComments comments, ErrorPages errors) {
        this.frames = frames;
        this.catalog = catalog;
        this.comments = comments;
        this.errors = errors;
    }

    @Get(uri = "/workflows/{id}/comments", produces = MediaType.TEXT_HTML)
    HttpResponse<?> comments(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Viewer viewer = frames.viewer(authentication).orElseThrow();
        Optional<WorkflowView> found = catalog.workflow(id).filter(w -> reads(viewer, w) || viewer.admin());
        if (found.isEmpty()) {
            return errors.workflowNotFound(request, authentication);
        }
        WorkflowView workflow = found.get();
        Map<String, Object> model = new HashMap<>();
        model.put("workflow", workflow);
        model.put("programme", catalog.programme(workflow.programme()).map(ProgrammeView::name)
                .orElse(workflow.programme()));
        model.put("reader", reads(viewer, workflow));
        model.put("readers", comments.readers(id).orElse(workflow.owner() + " (owner)"));
        model.put("threshold", comments.threshold());
        model.put("rounds", comments.ofWorkflow(id));
        return frames.page(request, authentication, "comments", "Comments on " + workflow.name(), "programmes",
                model);
    }

    /** Only the workflow's owner and its programme's sponsor read the words; an admin as such does not. */
    private static boolean reads(Viewer viewer, WorkflowView workflow) {
        return viewer.ownerOf().contains(workflow.id()) || viewer.sponsorOf().contains(workflow.programme());
    }
}
