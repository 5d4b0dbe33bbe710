/**
 * The dashboard: server-rendered pages for sponsors, owners and admins (Micronaut Views with Thymeleaf), a thin
 * adapter over the same use cases and read models the chat adapters and the admin API use.
 *
 * <p>Who may see what is decided here once, by {@link io.uptake.web.Viewer}: an admin everything, a sponsor their
 * programmes, an owner their workflows, anyone their own data. Every page is framed by {@link io.uptake.web.Frames},
 * which carries the viewer, the demo banner and the form token into the layout.
 */
package io.uptake.web;
