/// A count with its noun, the noun in the plural unless the count is one: `1 image`, `3 images`.
/// Every noun the shell counts makes its plural with a trailing `s`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
