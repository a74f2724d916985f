"""The print-job endpoints: ask for a PDF, follow its progress, download it."""
