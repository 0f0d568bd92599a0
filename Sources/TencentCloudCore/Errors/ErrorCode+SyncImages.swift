extension ErrorCode {
    // Codes of SyncImages (https://cloud.tencent.com/document/api/213/15711).
    /// The image is not in a state that can be copied (it must be `NORMAL`).
    public static let imageIncorrectState: ErrorCode = "InvalidImageId.IncorrectState"
    /// The destination already holds a custom image of the account with this name.
    public static let imageNameDuplicate: ErrorCode = "InvalidImageName.Duplicate"
    /// The destination's custom-image quota is used up.
    public static let imageQuotaLimitExceeded: ErrorCode = "ImageQuotaLimitExceeded"
    /// The destination is not allowed for this image (its own region, or another region for a
    /// shared-in image).
    public static let invalidRegionValue: ErrorCode = "InvalidParameterValue.InvalidRegion"
    /// The destination region does not exist.
    public static let regionNotFound: ErrorCode = "InvalidRegion.NotFound"
    /// The destination region exists but is not available.
    public static let regionUnavailable: ErrorCode = "InvalidRegion.Unavailable"
    /// Encrypted images are copied only within their own region.
    public static let syncEncryptImageNotSupport: ErrorCode = "UnsupportedOperation.SyncEncryptImageNotSupport"
    /// The parameter is not an image that can be copied (a public image).
    public static let invalidImageIdValue: ErrorCode = "InvalidParameterValue.InvalidImageId"
}
