/// A DescribeImages filter: values inside one filter are ORed, filters are ANDed.
public struct ImageFilter: Codable, Sendable, Equatable {
    public var name: String
    public var values: [String]

    public init(_ name: String, _ values: [String]) {
        self.name = name
        self.values = values
    }

    /// `image-type = PRIVATE_IMAGE`: the caller's own custom images.
    public static let ownImages = ImageFilter("image-type", ["PRIVATE_IMAGE"])
    /// `image-type = SHARED_IMAGE`: images other accounts shared with the caller.
    public static let sharedWithMe = ImageFilter("image-type", ["SHARED_IMAGE"])

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case values = "Values"
    }
}
