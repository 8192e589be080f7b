"""A FAKE python-pkcs11 library for tests: ``FakePkcs11Lib`` and scripted ``FakeDevice`` tokens.

THIS IS NOT A PKCS#11 IMPLEMENTATION. It imitates, at the python-pkcs11 object boundary, the
small subset of ``pkcs11.lib`` / Slot / Token / Session / object behaviour that
``app.signing.tokens`` uses, so that tests can script what SoftHSM2 cannot do: PIN counters that
reach FINAL_TRY and LOCKED, drivers that lie about their flags, PIN-pad readers, and a token pulled
out in the middle of a signature. Every call records the calling thread's name; every session and
object remembers the device generation and library epoch it was made in, and any use after a
re-plug or re-initialisation is recorded in ``stale_uses`` (a real driver might silently act on an
aliased handle instead).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pkcs11
import pkcs11.exceptions as p11e
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed
from pkcs11.constants import Attribute, CertificateType, ObjectClass, TokenFlag
from pkcs11.mechanisms import KeyType, Mechanism

BASE_FLAGS = (
    TokenFlag.RNG
    | TokenFlag.LOGIN_REQUIRED
    | TokenFlag.USER_PIN_INITIALIZED
    | TokenFlag.TOKEN_INITIALIZED
)


@dataclass
class FakeIdentity:
    cka_id: bytes
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    label: str = "Chữ ký số"
    always_authenticate: bool = False


@dataclass
class FakeDevice:
    """One scripted token. ``tries_left`` counts down on wrong PINs (0 = locked)."""

    label: str
    serial: str
    pin: str
    identities: list[FakeIdentity] = field(default_factory=list)
    ca_certs: list[x509.Certificate] = field(default_factory=list)
    max_tries: int = 5
    tries_left: int = 5
    lying: bool = False  # flags never show COUNT_LOW / FINAL_TRY / LOCKED
    protected_auth: bool = False
    mechanisms: frozenset[Mechanism] = frozenset(
        {Mechanism.SHA256_RSA_PKCS, Mechanism.RSA_PKCS, Mechanism.SHA256}
    )
    present: bool = True
    generation: int = 1
    logged_in: bool = False
    remove_on_next_sign: bool = False

    @property
    def flags(self) -> TokenFlag:
        flags = BASE_FLAGS
        if self.protected_auth:
            flags |= TokenFlag.PROTECTED_AUTHENTICATION_PATH
        if self.lying:
            return flags
        if self.tries_left == 0:
            flags |= TokenFlag.USER_PIN_LOCKED
        elif self.tries_left == 1:
            flags |= TokenFlag.USER_PIN_FINAL_TRY
        if self.tries_left < self.max_tries:
            flags |= TokenFlag.USER_PIN_COUNT_LOW
        return flags

    def remove(self) -> None:
        self.present = False
        self.logged_in = False

    def insert(self) -> None:
        """Plug back in: a new generation, so any old handle is stale."""
        self.present = True
        self.generation += 1

    def check_pin(self, pin: str | None) -> None:
        if self.tries_left == 0:
            raise p11e.PinLocked()
        if pin == self.pin:
            self.tries_left = self.max_tries
            return
        self.tries_left -= 1
        raise p11e.PinIncorrect()


class FakePkcs11Lib:
    """Stands in for ``pkcs11.lib(path)``; pass ``loader=lambda path: fake`` to TokenManager."""

    def __init__(self, devices: list[FakeDevice], *, empty_slots: int = 1) -> None:
        self.devices = devices
        self.empty_slots = empty_slots
        self.initialized = True
        self.epoch = 1
        self.calls: list[tuple[str, str]] = []  # (what, thread name)
        self.login_calls: list[tuple[str, object]] = []  # (serial, "pin" | "protected")
        self.context_logins: list[str] = []
        self.stale_uses: list[str] = []
        self.reinit_count = 0
        self.signed_with: list[tuple[int, int]] = []  # (device generation, lib epoch) per C_Sign

    def record(self, what: str) -> None:
        self.calls.append((what, threading.current_thread().name))

    # --- pkcs11.lib surface -------------------------------------------------------------
    def initialize(self) -> None:
        self.record("C_Initialize")
        self.initialized = True

    def finalize(self) -> None:
        self.record("C_Finalize")
        self.initialized = False
        for device in self.devices:
            device.logged_in = False

    def reinitialize(self) -> None:
        self.finalize()
        self.initialize()
        self.epoch += 1
        self.reinit_count += 1

    def get_slots(self, token_present: bool = False) -> list[FakeSlot]:
        self.record("C_GetSlotList")
        if not self.initialized:
            raise p11e.PKCS11Error("Initialisation error (not initialized). Should never see this.")
        slots = [FakeSlot(self, i, d) for i, d in enumerate(self.devices)]
        slots += [FakeSlot(self, 100 + i, None) for i in range(self.empty_slots)]
        return slots


class FakeSlot:
    def __init__(self, lib: FakePkcs11Lib, slot_id: int, device: FakeDevice | None) -> None:
        self.lib = lib
        self.slot_id = slot_id
        self.slot_description = f"Fake reader {slot_id}"
        self.device = device

    def get_token(self) -> FakeToken:
        self.lib.record("C_GetTokenInfo")
        if self.device is None or not self.device.present:
            raise p11e.TokenNotPresent()
        return FakeToken(self, self.device)

    def get_mechanisms(self) -> set[Mechanism]:
        self.lib.record("C_GetMechanismList")
        if self.device is None or not self.device.present:
            raise p11e.TokenNotPresent()
        return set(self.device.mechanisms)


class FakeToken:
    """Like python-pkcs11's Token: ``flags`` is a snapshot taken when the object is made."""

    def __init__(self, slot: FakeSlot, device: FakeDevice) -> None:
        self.slot = slot
        self.device = device
        self.label = device.label
        self.serial = device.serial.encode("ascii")
        self.manufacturer_id = "Fake Vendor"
        self.model = "FakeToken 1"
        self.flags = device.flags

    def open(self, rw: bool = False, user_pin: Any = None, **_: Any) -> FakeSession:
        lib = self.slot.lib
        lib.record("C_OpenSession")
        if not self.device.present:
            raise p11e.DeviceRemoved()
        session = FakeSession(lib, self.device, self)
        if user_pin is None:
            return session
        lib.record("C_Login")
        if user_pin is pkcs11.PROTECTED_AUTH:
            if not self.flags & TokenFlag.PROTECTED_AUTHENTICATION_PATH:
                raise p11e.ArgumentsBad("Protected authentication is not supported")
            lib.login_calls.append((self.device.serial, "protected"))
            self.device.tries_left = self.device.max_tries
        else:
            lib.login_calls.append((self.device.serial, "pin"))
            if self.device.logged_in:
                raise p11e.UserAlreadyLoggedIn()
            self.device.check_pin(user_pin)
        self.device.logged_in = True
        session.user = True
        return session


class _Handle:
    """Something that is only valid in the device generation and library epoch it was made in."""

    def __init__(self, lib: FakePkcs11Lib, device: FakeDevice) -> None:
        self.lib = lib
        self.device = device
        self.generation = device.generation
        self.epoch = lib.epoch

    def _use(self, what: str) -> None:
        self.lib.record(what)
        if self.generation != self.device.generation or self.epoch != self.lib.epoch:
            self.lib.stale_uses.append(what)
            raise p11e.SessionHandleInvalid()
        if not self.device.present:
            raise p11e.DeviceRemoved()


class FakeSession(_Handle):
    def __init__(self, lib: FakePkcs11Lib, device: FakeDevice, token: FakeToken) -> None:
        super().__init__(lib, device)
        self.token = token
        self.user = False

    def _objects(self) -> Iterator[_Object]:
        for ident in self.device.identities:
            yield _Object(self, ObjectClass.CERTIFICATE, ident.cka_id, ident.label, cert=ident.cert)
            yield _Object(self, ObjectClass.PUBLIC_KEY, ident.cka_id, ident.label)
            if self.device.logged_in:
                yield _Object(self, ObjectClass.PRIVATE_KEY, ident.cka_id, ident.label, ident=ident)
        for n, ca in enumerate(self.device.ca_certs):
            yield _Object(self, ObjectClass.CERTIFICATE, b"ca%d" % n, "CA", cert=ca)

    def get_objects(self, attrs: dict[Attribute, Any] | None = None) -> Iterator[_Object]:
        self._use("C_FindObjects")
        wanted = attrs or {}
        for obj in self._objects():
            if all(obj.values.get(k) == v for k, v in wanted.items()):
                yield obj

    def close(self) -> None:
        self._use("C_CloseSession")
        if self.user:
            self.lib.record("C_Logout")
            self.device.logged_in = False


class _Object(_Handle):
    def __init__(
        self,
        session: FakeSession,
        cls: ObjectClass,
        cka_id: bytes,
        label: str,
        *,
        cert: x509.Certificate | None = None,
        ident: FakeIdentity | None = None,
    ) -> None:
        super().__init__(session.lib, session.device)
        self.session = session
        self.ident = ident
        self.values: dict[Attribute, Any] = {
            Attribute.CLASS: cls,
            Attribute.ID: cka_id,
            Attribute.LABEL: label,
        }
        if cert is not None:
            self.values[Attribute.CERTIFICATE_TYPE] = CertificateType.X_509
            self.values[Attribute.VALUE] = cert.public_bytes(serialization.Encoding.DER)
        if ident is not None:
            self.values[Attribute.KEY_TYPE] = KeyType.RSA
            self.values[Attribute.ALWAYS_AUTHENTICATE] = ident.always_authenticate
            n = ident.key.public_key().public_numbers().n
            self.values[Attribute.MODULUS] = n.to_bytes((n.bit_length() + 7) // 8, "big")

    def __getitem__(self, attr: Attribute) -> Any:
        self._use("C_GetAttributeValue")
        try:
            return self.values[attr]
        except KeyError:
            raise p11e.AttributeTypeInvalid() from None

    def sign(self, data: bytes, mechanism: Any = None, pin: str | None = None, **_: Any) -> bytes:
        self._use("C_SignInit")
        assert self.ident is not None
        if self.device.remove_on_next_sign:
            self.device.remove_on_next_sign = False
            self.device.remove()
            raise p11e.DeviceRemoved()
        if self.ident.always_authenticate:
            if pin is None:
                raise p11e.UserNotLoggedIn()
            self.lib.record("C_Login(CONTEXT_SPECIFIC)")
            self.lib.context_logins.append(self.device.serial)
            self.device.check_pin(pin)
        self._use("C_Sign")
        self.lib.signed_with.append((self.generation, self.epoch))
        key = self.ident.key
        if mechanism == Mechanism.SHA256_RSA_PKCS:
            return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        if mechanism == Mechanism.RSA_PKCS:
            # data is a DER DigestInfo for SHA-256: the digest is its last 32 bytes.
            return key.sign(data[-32:], padding.PKCS1v15(), Prehashed(hashes.SHA256()))
        raise p11e.MechanismInvalid()
