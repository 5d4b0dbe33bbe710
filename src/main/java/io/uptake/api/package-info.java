/**
 * The admin REST API under /api/v1, its bearer-token guard, JSON errors and the health checks.
 */
package io.uptake.api;
