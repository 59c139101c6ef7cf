package dev.hotloop.spark;

import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;

/** The JVM options every Spark 4 JVM needs on JDK 17 and later, as spark-submit adds them. */
final class SparkJvm {

    private SparkJvm() {
    }

    static List<String> moduleOptions() {
        return List.of(JavaModuleOptions.defaultModuleOptionArray());
    }
}
