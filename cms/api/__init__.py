"""The content API, versioned under /api/v1/: one router; each app's ``api/`` package adds to it."""
