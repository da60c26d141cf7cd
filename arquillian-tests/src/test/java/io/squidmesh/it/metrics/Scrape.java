package io.squidmesh.it.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Prometheus text-format scrape, read into samples (name, labels, value), and the arithmetic the tests need:
 * a sample's value, or its change since an earlier scrape (a series that did not exist yet counts as 0).
 */
final class Scrape {

    record Sample(String name, Map<String, String> labels, double value, String line) {
        boolean matches(String wanted, String... labelPairs) {
            if (wanted != null && !name.equals(wanted)) {
                return false;
            }
            for (int i = 0; i + 1 < labelPairs.length; i += 2) {
                if (!labelPairs[i + 1].equals(labels.get(labelPairs[i]))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    static Scrape of(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace >= 0 ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0) {
                String inside = line.substring(brace + 1, line.lastIndexOf('}'));
                for (String pair : inside.split(",(?=[a-zA-Z_][a-zA-Z0-9_]*=\")")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 2, pair.length() - 1));
                    }
                }
            }
            samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1).strip()), line));
        }
        return new Scrape(samples);
    }

    /** The sum over the series of {@code name} with these labels (other labels, e.g. app, may vary); NaN if none. */
    double value(String name, String... labelPairs) {
        List<Sample> matching = samples.stream().filter(s -> s.matches(name, labelPairs)).toList();
        return matching.isEmpty() ? Double.NaN : matching.stream().mapToDouble(Sample::value).sum();
    }

    /** How much the series moved since {@code before} (absent series count as 0). */
    long delta(Scrape before, String name, String... labelPairs) {
        double now = value(name, labelPairs);
        double then = before.value(name, labelPairs);
        return Math.round((Double.isNaN(now) ? 0 : now) - (Double.isNaN(then) ? 0 : then));
    }

    List<String> series(String... labelPairs) {
        return samples.stream().filter(s -> s.matches(null, labelPairs)).map(Sample::line).toList();
    }

    /** The squidmesh_ lines that mention {@code fragment} (histogram buckets left out): for the test log. */
    String excerpt(String fragment) {
        return samples.stream().filter(s -> s.name().startsWith("squidmesh_") && !s.name().endsWith("_bucket")
                && s.line().contains(fragment)).map(Sample::line).collect(Collectors.joining("\n"));
    }
}
