"""Raw articles plus timeline.yaml in, a cross-linked timeline website out."""
