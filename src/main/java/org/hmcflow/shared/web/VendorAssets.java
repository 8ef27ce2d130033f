package org.hmcflow.shared.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The scripts and styles the pages load from npm packages (htmx, the form-js viewer, ECharts): copied at build time by
 * {@code src/main/frontend/copy-assets.mjs} into {@code static/vendor/<package>-<version>/}, listed in its
 * {@code manifest.json}. Pages name a file by package and file ({@code ${#vendor.url('htmx.org/htmx.min.js')}}, see {@link VendorAssetsDialect})
 * and get the versioned path, so an upgrade is a new URL and browsers may keep a file for good. A page naming a file
 * the build did not copy fails at once instead of loading a 404.
 */
@Component("vendorAssets")
public class VendorAssets {

    static final String MANIFEST = "static/vendor/manifest.json";

    private final Map<String, String> files;

    VendorAssets(ObjectMapper json) {
        try (InputStream in = new ClassPathResource(MANIFEST).getInputStream()) {
            this.files = Map.copyOf(json.readValue(in, new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("No " + MANIFEST + " on the classpath: the build's copy-assets step did not "
                    + "run (./mvnw generate-resources)", e);
        }
    }

    /** The app-relative URL of a package's file, e.g. {@code /vendor/htmx.org-2.0.11/htmx.min.js}. */
    public String url(String packageFile) {
        String url = files.get(packageFile);
        if (url == null) {
            throw new IllegalArgumentException("No vendor file " + packageFile + " in " + MANIFEST + "; known: "
                    + files.keySet());
        }
        return url;
    }
}
