import warnings

from cryptography.utils import CryptographyDeprecationWarning

# pyHanko imports DSA's key classes to recognise them (never to sign with DSA); cryptography warns about DSA on that
# import, on every command and page load. Silenced for that message from pyHanko only.
warnings.filterwarnings("ignore", "DSA is deprecated", CryptographyDeprecationWarning, r"pyhanko(\.|$)")
