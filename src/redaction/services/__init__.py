"""Use cases shared by the window and the command line; each call is one unit of work."""
