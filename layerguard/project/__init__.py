"""What the repository declares: .layerguard.yaml, the images compose, bake, workflows and
Makefiles name, which files are Dockerfiles, and the FROM graph across them."""
