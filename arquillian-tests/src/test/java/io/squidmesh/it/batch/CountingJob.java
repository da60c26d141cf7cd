package io.squidmesh.it.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The artifacts of {@code it-count-job}: a chunk step that counts to {@code items}, then a final batchlet. */
public final class CountingJob {

    private CountingJob() {
    }

    @Named("itNumberReader")
    @Dependent
    public static class Reader extends AbstractItemReader {

        @Inject
        @BatchProperty(name = "items")
        String items;

        /** Milliseconds spent on each item: long enough a job to kill a server in the middle of. */
        @Inject
        @BatchProperty(name = "itemDelayMs")
        String itemDelayMs;

        @Inject
        @BatchProperty(name = "runId")
        String runId;

        private int next;

        @Override
        public void open(Serializable checkpoint) {
            next = checkpoint == null ? 0 : (Integer) checkpoint;
        }

        @Override
        public Object readItem() throws InterruptedException {
            if (itemDelayMs != null && !itemDelayMs.isEmpty() && !"0".equals(itemDelayMs)) {
                Thread.sleep(Long.parseLong(itemDelayMs));
                progress();
            }
            return next < Integer.parseInt(items) ? next++ : null;
        }

        /** Slow jobs tell tests how far they got: {@code <server data dir>/it-batch/<run id>} holds the count. */
        private void progress() {
            try {
                Path folder = Path.of(System.getProperty("jboss.server.data.dir"), "it-batch");
                Files.createDirectories(folder);
                Files.writeString(folder.resolve(runId), Integer.toString(next));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Serializable checkpointInfo() {
            return next;
        }
    }

    @Named("itNumberWriter")
    @Dependent
    public static class Writer extends AbstractItemWriter {
        @Override
        public void writeItems(List<Object> items) {
            // counting is the job's whole effect: the step metrics record it
        }
    }

    /** Fails when the engine's attempt number equals {@code failOnAttempt}. */
    @Named("itFinishBatchlet")
    @Dependent
    public static class Finish extends AbstractBatchlet {

        @Inject
        @BatchProperty(name = "failOnAttempt")
        String failOnAttempt;

        @Inject
        @BatchProperty(name = "attempt")
        String attempt;

        @Override
        public String process() {
            if (attempt != null && attempt.equals(failOnAttempt)) {
                throw new IllegalStateException("finishing failed on attempt " + attempt);
            }
            return "COUNTED";
        }
    }
}
