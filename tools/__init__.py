"""Developer tools of stdcomment: the .docx builder and the sample-draft generator."""
