/** The {@code vpdn ctl} client: HTTP calls to the admin API and Cisco-like tables of the answers. */
package net.vpdn.admin.cli;
