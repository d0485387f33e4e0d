package dev.dynamotest.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Future;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * Where the container's image comes from. By default it is built from the server jar, Dockerfile and entry point
 * this module ships (so it works offline), on the base image {@value #BASE_IMAGE_PROPERTY} /
 * {@code DYNAMOTEST_BASE_IMAGE} (default {@value #DEFAULT_BASE_IMAGE}); the image is tagged with a hash of its
 * inputs and built once per Docker engine, later starts reuse it. A published image can be named instead
 * ({@value #IMAGE_PROPERTY} / {@code DYNAMOTEST_IMAGE}, or {@link DynamoTestContainer#DynamoTestContainer(DockerImageName)}).
 */
public final class DynamoTestImage {
    public static final String IMAGE_PROPERTY = "dynamotest.image";
    public static final String BASE_IMAGE_PROPERTY = "dynamotest.baseImage";
    public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";
    /** The repository of locally built images; the tag is a hash of the image's inputs. */
    public static final String LOCAL_REPOSITORY = "dynamotest/dynamotest-local";

    static final String RESOURCES = "dev/dynamotest/testcontainers/image/";
    private static final String[] FILES = {"Dockerfile", "entrypoint.sh", "dynamotest-server.jar"};

    private DynamoTestImage() {
    }

    /** The image a {@code new DynamoTestContainer()} runs: the configured published image, else the local build. */
    static Future<String> defaultImage() {
        String published = setting(IMAGE_PROPERTY, "DYNAMOTEST_IMAGE");
        if (published != null) {
            return java.util.concurrent.CompletableFuture.completedFuture(published);
        }
        return local(baseImage());
    }

    /** The base image the local build starts from. */
    public static String baseImage() {
        String base = setting(BASE_IMAGE_PROPERTY, "DYNAMOTEST_BASE_IMAGE");
        return base != null ? base : DEFAULT_BASE_IMAGE;
    }

    /** The name of the locally built image for this module's jar on the given base image. */
    public static DockerImageName localImageName(String baseImage) {
        return DockerImageName.parse(LOCAL_REPOSITORY + ":" + inputsHash(baseImage));
    }

    /** The local build on {@code baseImage}: the existing image when one was built from the same inputs. */
    static Future<String> local(String baseImage) {
        String name = localImageName(baseImage).asCanonicalNameString();
        if (exists(name)) {
            return java.util.concurrent.CompletableFuture.completedFuture(name);
        }
        ImageFromDockerfile image = new ImageFromDockerfile(name, false).withBuildArg("BASE_IMAGE", baseImage);
        for (String f : FILES) {
            image.withFileFromClasspath(f, RESOURCES + f);
        }
        return image;
    }

    private static boolean exists(String name) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(name).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            return false; // let the build report what is wrong with Docker
        }
    }

    private static String inputsHash(String baseImage) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(baseImage.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] buffer = new byte[64 * 1024];
            for (String f : FILES) {
                try (InputStream in = DynamoTestImage.class.getClassLoader().getResourceAsStream(RESOURCES + f)) {
                    if (in == null) {
                        throw new IllegalStateException("the DynamoTest image resource " + RESOURCES + f
                            + " is missing from the class path: build the testcontainers module with `mvn package`");
                    }
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }
}
