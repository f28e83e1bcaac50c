/// What an audit entry records: every kind of state change, by its stable name in the log.
/// (The names are part of the log's hashed entries: they never change once released.)
public enum AuditAction: String, Sendable, Hashable, CaseIterable, Codable {
    case accountsPresented = "accounts.presented"
    case assemblyCalled = "assembly.called"
    case assemblyClosed = "assembly.closed"
    case assemblyDemanded = "assembly.demanded"
    case assemblyOpened = "assembly.opened"
    case assemblyScheduled = "assembly.scheduled"
    case associationCreated = "association.created"
    case auditWitnessed = "audit.witnessed"
    case ballotChairDecided = "ballot.chair-decided"
    case ballotClosed = "ballot.closed"
    case ballotOpened = "ballot.opened"
    case boardAppointed = "board.appointed"
    case boardLeft = "board.left"
    case boardReappointed = "board.reappointed"
    case codeReissued = "code.reissued"
    case codesIssued = "codes.issued"
    case dataPurged = "data.purged"
    case databaseRestored = "database.restored"
    case decisionOutsideMeeting = "decision.outside-meeting"
    case keyCreated = "key.created"
    case memberAdmitted = "member.admitted"
    case memberApplied = "member.applied"
    case memberCheckedIn = "member.checked-in"
    case memberJoin = "member.join"
    case memberLeave = "member.leave"
    case memberRefused = "member.refused"
    case organisationConfirmed = "organisation.confirmed"
    case proposalAdmitted = "proposal.admitted"
    case proposalCarried = "proposal.carried"
    case proposalRefused = "proposal.refused"
    case proposalSubmitted = "proposal.submitted"
    case proposalSupported = "proposal.supported"
    case proxyRecorded = "proxy.recorded"
    case registerImported = "register.imported"
    case residentAbsent = "resident.absent"
    case residentMoved = "resident.moved"
    case residentMovedOut = "resident.moved-out"
    case residentUpdated = "resident.updated"
    case residentsRegistered = "residents.registered"
    case shareholderAdvice = "shareholder.advice"
    case shareholderConsent = "shareholder.consent"
    case shareholderRefusal = "shareholder.refusal"
    case staffAdded = "staff.added"
    case staffDisabled = "staff.disabled"
    case staffPasswordSet = "staff.password-set"
    case statuteAdopted = "statute.adopted"
    case voteCast = "vote.cast"
    case voteReplaced = "vote.replaced"
    case votesEntered = "votes.entered"
    case witnessAdded = "witness.added"
}

extension AuditAction {
    /// Entries whose payload names a resident (an id, a reason, an address change): after the
    /// retention period `purge` replaces their payload by its hash. Ballot, assembly, statute and
    /// staff entries carry no resident's data and are never purged.
    public static let personal: Set<AuditAction> = [
        .codeReissued, .memberAdmitted, .memberApplied, .memberCheckedIn, .memberJoin, .memberLeave, .memberRefused,
        .proposalSupported, .proxyRecorded, .residentAbsent, .residentMoved, .residentMovedOut, .residentUpdated, .residentsRegistered,
    ]
}
