/// Awaited by a batch before an image's first change, with the image's region and id: `nil`
/// when the image may be changed now, else the outcome every pair of the image gets without a
/// call (`publish` waits here until a copy is NORMAL).
public typealias ImageReadiness = @Sendable (_ region: String, _ imageId: String) async -> PairOutcome?
