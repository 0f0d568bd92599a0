// The API's vocabulary (actions, error codes, the signer) is part of this module's interface.
@_exported import TencentCloudCore
