import ArgumentParser
import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Statuut

/// The one place the command line words an error from the library, in its language (`Speech`): a
/// statute's refusal with its article, a store error, a vote not counted, a bad password, option or
/// code. Anything else passes through unchanged (ArgumentParser prints it).
func commandLineError(_ error: any Error) -> any Error {
    let language = Speech.language
    let nl = language == .nl
    switch error {
    case let refusal as Refusal:
        return ValidationError(Speech.text("cliRefused", ["reason": nl ? refusal.nl : refusal.en, "source": refusal.source.cited(in: language)]))
    case let refusal as MembershipRefusal:
        return ValidationError(Speech.text("cliRefused", ["reason": refusal.text(in: language), "source": refusal.source.cited(in: language)]))
    case let store as StoreError: return ValidationError(store.text(in: language))
    case let rejection as VoteRejection:
        let worded = nl ? Catalogue.texts[.nl]?["rejection-\(rejection.id)"] ?? rejection.description : rejection.description
        return ValidationError(Speech.text("cliNotCounted", ["reason": worded]))
    case let weak as PasswordHash.Weak:
        return ValidationError(nl ? Speech.text("cliWeakPassword", ["count": String(PasswordHash.minimumLength)]) : weak.description)
    case let malformed as BallotOption.Malformed: return ValidationError(nl ? malformed.nl : malformed.en)
    case let problem as VotingCode.Problem:
        return ValidationError(problem.text(in: language))
    default: return error
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
