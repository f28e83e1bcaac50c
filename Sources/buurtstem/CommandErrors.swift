import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// The one place the command line words an error from the library: a statute's refusal with its
/// article, a store error, a vote not counted, a bad password or option. Anything else passes
/// through unchanged (ArgumentParser prints it).
func commandLineError(_ error: any Error) -> any Error {
    switch error {
    case let refusal as Refusal: ValidationError("refused: \(refusal.en) — \(refusal.source.cited(in: .en))")
    case let refusal as MembershipRefusal: ValidationError("refused: \(refusal.text(in: .en)) (\(refusal.source.cited(in: .en)))")
    case let store as StoreError: ValidationError(store.message)
    case let rejection as VoteRejection: ValidationError("not counted: \(rejection)")
    case let weak as PasswordHash.Weak: ValidationError(weak.description)
    case let malformed as BallotOption.Malformed: ValidationError(malformed.en)
    case let problem as VotingCode.Problem: ValidationError(problem.description)
    default: error
    }
}

/// Runs a library call, worded for the command line when it fails (see `commandLineError`).
func refusing<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw commandLineError(error) }
}

/// The same for an asynchronous call.
func refusingAsync<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch { throw commandLineError(error) }
}
