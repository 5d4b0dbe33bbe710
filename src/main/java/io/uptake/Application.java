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

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
