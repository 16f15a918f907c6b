"""Reading built images: layer tars streamed and indexed, sizes and waste measured, reports of
images, and the facts rules ask for under `check --registry`."""
