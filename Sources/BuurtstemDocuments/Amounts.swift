public import Statuut

/// Amounts of money as a reader expects them.
public enum Amounts {
    /// Whole euros: `€ 25.000` in Dutch, `€25,000` in English.
    public static func euros(_ amount: Int, in language: Language = .nl) -> String {
        let digits = String(abs(amount))
        let separator: Character = language == .nl ? "." : ","
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        return (language == .nl ? "€ " : "€") + (amount < 0 ? "-" : "") + grouped
    }
}
