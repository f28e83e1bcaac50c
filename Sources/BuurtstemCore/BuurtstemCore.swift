// The domain of Buurtstem: membership, assemblies, proposals, ballots, tally methods and
// compliance, as pure value types and functions over a validated `Statute`.
// It grows with the issues that follow the statute language; see docs/ARCHITECTURE.md.
public import Statuut

/// The statute type the domain works with, re-exported for convenience.
public typealias StatuteModel = Statute
