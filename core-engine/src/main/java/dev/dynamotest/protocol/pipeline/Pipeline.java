package dev.dynamotest.protocol.pipeline;

import dev.dynamotest.protocol.Operations;
import dev.dynamotest.protocol.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered stages every request goes through, the same for HTTP and the in-process transport:
 * journal (opens the entry, closes it with the outcome) → read (target, size, JSON) → faults → action.
 * Immutable; {@link #with} and {@link #withBefore} return a new pipeline with one more stage, so later features
 * (the consistency model, ...) plug in without touching the others.
 */
public final class Pipeline {
    private final List<Stage> stages;
    private final Stage.Chain head;

    public Pipeline(List<Stage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one stage (the action)");
        }
        this.stages = List.copyOf(stages);
        Stage.Chain chain = exchange -> {
            throw new IllegalStateException("the last stage of a pipeline must answer the request");
        };
        for (int i = this.stages.size() - 1; i >= 0; i--) {
            Stage s = this.stages.get(i);
            Stage.Chain next = chain;
            chain = exchange -> s.apply(exchange, next);
        }
        this.head = chain;
    }

    /** journal → read → faults → admission (in-process requests only) → action, for {@code operations}. */
    public static Pipeline standard(Operations operations) {
        return new Pipeline(List.of(new JournalStage(), new ReadStage(operations), new FaultStage(), AdmissionStage.fromSystem(),
            new ActionStage()));
    }

    public List<Stage> stages() {
        return stages;
    }

    public Response run(Exchange exchange) throws IOException {
        return head.proceed(exchange);
    }

    /** This pipeline with {@code stage} inserted right before the first stage of type {@code before}. */
    public Pipeline withBefore(Class<? extends Stage> before, Stage stage) {
        List<Stage> list = new ArrayList<>(stages);
        for (int i = 0; i < list.size(); i++) {
            if (before.isInstance(list.get(i))) {
                list.add(i, stage);
                return new Pipeline(list);
            }
        }
        throw new IllegalArgumentException("no stage of type " + before.getSimpleName() + " in " + list);
    }

    /** This pipeline with {@code stage} right before the action (after reading and faults). */
    public Pipeline with(Stage stage) {
        return withBefore(ActionStage.class, stage);
    }
}
