"""Editors and API tokens.

Passwords are hashed with Argon2id (argon2-cffi). API tokens are random,
shown once, stored as SHA-256 digests and revocable. Browser sessions are
signed cookies; forms and session-authenticated JSON writes carry a CSRF
token bound to the session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import defaultdict, deque
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from hoptac.store.models import ApiToken, User

_hasher = PasswordHasher()
# Verified against when the user does not exist, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password")


class AuthError(ValueError):
    """Bad credentials or a bad request to manage them; the message is for the user."""


def create_user(session: Session, username: str, password: str) -> User:
    username = username.strip()
    if not username:
        raise AuthError("a user name is required")
    if len(password) < 8:
        raise AuthError("a password needs at least 8 characters")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise AuthError(f"user '{username}' exists already")
    user = User(username=username, password_hash=_hasher.hash(password), created_at=datetime.now(UTC), active=True)
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, username: str, password: str) -> None:
    if len(password) < 8:
        raise AuthError("a password needs at least 8 characters")
    user = _user(session, username)
    user.password_hash = _hasher.hash(password)
    user.session_epoch += 1  # whoever signed in with the old password is signed out


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AuthError(f"no user '{username}'")
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username.strip()))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, username: str, name: str) -> tuple[ApiToken, str]:
    """A new token for the user; the returned secret is never stored and cannot be shown again."""
    user = _user(session, username)
    secret = "hoptac_" + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name or "token", token_hash=_digest(secret), created_at=datetime.now(UTC))
    session.add(token)
    session.flush()
    return token, secret


def revoke_token(session: Session, token_id: int, username: str | None = None) -> ApiToken:
    token = session.get(ApiToken, token_id)
    if token is None or (username is not None and token.user.username != username):
        raise AuthError(f"no token {token_id}")
    if token.revoked_at is None:
        token.revoked_at = datetime.now(UTC)
    return token


def tokens(session: Session, username: str) -> list[ApiToken]:
    user = _user(session, username)
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)))


def user_for_token(session: Session, secret: str) -> User | None:
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(secret)))
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    return token.user


def new_csrf_token() -> str:
    return secrets.token_urlsafe(24)


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected and given and hmac.compare_digest(expected, given))


class Throttle:
    """Wrong passwords allowed per account and per (account, address) in a sliding window; in memory.

    Past the allowance sign-in is refused without checking the password until the window has
    moved on, so guessing costs time; each worker process counts on its own.
    """

    def __init__(self, per_pair: int = 5, per_account: int = 20, window: float = 300.0) -> None:
        self.per_pair, self.per_account, self.window = per_pair, per_account, window
        self._failures: dict[tuple[str, ...], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, ...], now: float) -> deque[float]:
        times = self._failures[key]
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def wait(self, username: str, address: str) -> int:
        """Seconds before the next attempt is allowed (0: now)."""
        now = time.monotonic()
        with self._lock:
            waits = [
                int(times[0] + self.window - now) + 1
                for key, limit in (((username,), self.per_account), ((username, address), self.per_pair))
                if len(times := self._recent(key, now)) >= limit
            ]
        return max(waits, default=0)

    def failed(self, username: str, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in ((username,), (username, address)):
                self._recent(key, now).append(now)
            if len(self._failures) > 10_000:  # many names tried: forget the quiet ones
                for key in [k for k, times in self._failures.items() if not self._recent(k, now)]:
                    del self._failures[key]

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop((username, address), None)
