"""What is Python's own in the generated types of ``_types``: properties and reprs. A class ``XMixin`` here is a
base of the generated class ``X`` (tools/schema-gen reads this file: a mixin defining ``__repr__`` keeps it, and
``_repr_hidden = ("field", ...)`` hides fields from the generated repr). No field of a core type is declared
here: fields come from core."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from ._types import ManagerOverride, Provider


def _value(member: Any) -> str:
    return str(cast(enum.Enum, member).value)


class ProviderMixin:
    """Properties of ``Provider``."""

    @property
    def is_nps(self) -> bool:
        """An NPS division."""
        return _value(self).startswith("N")

    @property
    def is_crc(self) -> bool:
        """A Community Rehabilitation Company."""
        return _value(self).startswith("C")


class RuleMixin:
    """A rule's repr is its id."""

    def __repr__(self) -> str:
        return f"Rule({cast(Any, self).id!r})"


class AllocationMixin:
    """``Allocation.effective_provider``."""

    @property
    def effective_provider(self) -> Provider:
        """The override's provider when there is one, else the rules'."""
        this = cast(Any, self)
        override: ManagerOverride | None = this.override
        provider: Provider = this.provider
        return override.provider if override is not None else provider


class ProtectMixin:
    _repr_hidden = ("breakdown",)


class ChangeMixin:
    _repr_hidden = ("breakdown",)


class TierMixin:
    _repr_hidden = ("rules",)


class SentenceDatesMixin:
    _repr_hidden = ("rules",)


class ScheduleMixin:
    """A short repr: the policy and the counts."""

    def __repr__(self) -> str:
        this = cast(Any, self)
        return f"Schedule(policy={this.policy!r}, periods={len(this.periods)}, items={len(this.items)})"


class ComplianceMixin:
    """A short repr: the policy, the date, the windows by status, the counts."""

    def __repr__(self) -> str:
        this = cast(Any, self)
        counts: dict[str, int] = {}
        for w in this.windows:
            counts[w.status.value] = counts.get(w.status.value, 0) + 1
        return (
            f"Compliance(policy={this.policy!r}, as_of={this.as_of.isoformat()}, windows={counts}, "
            f"failures={len(this.failures)}, enforcement={len(this.enforcement)})"
        )
