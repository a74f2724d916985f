"""The site assembly: the top floor, which puts the domain apps together into one site.

What belongs here needs several apps at once: the catalogue loader and the API contract exporter,
the admin's groups, start-up wiring (which snippets search and cache invalidation watch, who
carries print jobs) and provisioning. Nothing below imports this package.
"""
