public import BuurtstemCore
public import Statuut

extension VotingCode.Problem {
    /// Why a typed code is not a code, in `language`: the same words on the phone and on the
    /// command line.
    public func text(in language: Language) -> String {
        switch self {
        case .typo: Catalogue.text("codeTypo", language)
        case .wrongLength(let n): Catalogue.text("codeWrongLength", language, ["count": String(n)])
        case .notACodeCharacter(let c) where "0O".contains(c): Catalogue.text("codeNoZeroOrO", language)
        case .notACodeCharacter(let c) where "1IL".contains(c): Catalogue.text("codeNoOneIOrL", language)
        case .notACodeCharacter(let c): Catalogue.text("codeBadCharacter", language, ["character": String(c)])
        }
    }
}
