"""OCI distribution client: auth, manifests, blobs and a digest cache. Imports requests.

Only `inspect`, `compare` and `check --registry` import this package; a plain `layerguard check`
never does, so it stays fast.
"""

from layerguard.registry.client import Client
from layerguard.registry.model import Descriptor, Image, RegistryError

__all__ = ["Client", "Descriptor", "Image", "RegistryError"]
