"""A small HTTP service that shuts down cleanly on SIGTERM."""
