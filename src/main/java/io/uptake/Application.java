package io.uptake;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the Uptake service. */
@OpenAPIDefinition(info = @Info(title = "Uptake admin API", version = "v1",
        description = "Declare programmes, read the catalogue, feed usage and read results. Every call needs "
                + "'Authorization: Bearer <UPTAKE_ADMIN_TOKEN>'."))
@SecurityScheme(name = "admin", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class Application {

    private Application() {
    }

    /** {@code UPTAKE_DEMO=true} adds the {@code demo} environment, whose settings make the demo. */
    public static void main(String[] args) {
        boolean demo = "true".equalsIgnoreCase(System.getenv("UPTAKE_DEMO"))
                || "true".equalsIgnoreCase(System.getProperty("uptake.demo"));
        Micronaut.build(args).mainClass(Application.class).environments(demo ? new String[] {"demo"}
                : new String[0]).start();
    }
}
