/**
 * The Microsoft 365 Copilot connector: reads Microsoft Graph's Copilot usage report (each licensed person's last
 * day of Copilot use in each Microsoft 365 app) with an Entra ID app's client credentials.
 */
package io.uptake.connect.graph;
