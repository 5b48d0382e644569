/** Admin API of a vpdn process: the model a LAC or LNS implements, the loopback HTTP server and the ctl client. */
package net.vpdn.admin;
