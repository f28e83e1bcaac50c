/// The stable identity of every diagnostic the statute compiler can report.
///
/// The code (`BS010`) never changes meaning once released; tests, documentation and users
/// may rely on it. `docs/statute-language.md` lists them all.
public enum DiagnosticID: String, Sendable, CaseIterable, Codable {
    // Lexical
    case unterminatedString = "BS001"
    case tabIndentation = "BS002"
    case invalidDate = "BS003"
    case invalidNumber = "BS004"
    // Syntax
    case unknownKeyword = "BS010"
    case misplacedRule = "BS011"
    case unexpectedToken = "BS012"
    case missingToken = "BS013"
    case trailingTokens = "BS014"
    case missingHeader = "BS015"
    case proseOutsideArticle = "BS016"
    case unexpectedIndentation = "BS017"
    case emptyBlock = "BS018"
    case duplicateHeader = "BS019"
    // Meaning
    case invalidPostcode = "BS020"
    case reversedRange = "BS021"
    case overlappingRanges = "BS022"
    case fractionOutOfRange = "BS023"
    case undefinedDecisionKind = "BS024"
    case undefinedArea = "BS025"
    case duplicateArticle = "BS026"
    case duplicateRule = "BS027"
    case contradiction = "BS028"
    case referenceDateAfterAssembly = "BS029"
    case quorumNeverMet = "BS030"
    case missingRequiredRule = "BS031"
    case methodNeedsSetting = "BS032"
    case belowLegalMinimum = "BS033"
    case articleNumbering = "BS034"
    case duplicateName = "BS036"
    case majorityNeverMet = "BS037"
    case exclusionOutsideArea = "BS038"
    case proxyQuorumMismatch = "BS039"
    case againstLegalDefault = "BS040"
    case unusedArea = "BS041"
    case irrelevantSetting = "BS042"
    case emptyArticle = "BS043"
    case invalidAmount = "BS044"
    /// A rule the language knows and explains, but that the engine does not carry out yet: the
    /// board must not trust it to act.
    case notCarriedOut = "BS045"

    /// The code as printed, e.g. `BS010`.
    public var code: String { rawValue }

    /// Errors unless the problem leaves the statute usable.
    public var defaultSeverity: Severity {
        switch self {
        case .articleNumbering, .exclusionOutsideArea, .proxyQuorumMismatch, .againstLegalDefault,
            .unusedArea, .irrelevantSetting, .emptyArticle, .notCarriedOut:
            return .warning
        default:
            return .error
        }
    }
}
