namespace DentalClaimsHub.X12.Acknowledgements;

/// <summary>TA105 interchange note codes (X12 data element I18).</summary>
public enum Ta1NoteCode
{
    /// <summary>000 No error.</summary>
    NoError = 0,

    /// <summary>001 The interchange control number in the header and trailer do not match.</summary>
    ControlNumberMismatch = 1,

    /// <summary>002 This standard as noted in the control standards identifier is not supported.</summary>
    StandardNotSupported = 2,

    /// <summary>003 This version of the controls is not supported.</summary>
    VersionNotSupported = 3,

    /// <summary>004 The segment terminator is invalid.</summary>
    InvalidSegmentTerminator = 4,

    /// <summary>005 Invalid interchange ID qualifier for sender (ISA05).</summary>
    InvalidSenderQualifier = 5,

    /// <summary>006 Invalid interchange sender ID (ISA06).</summary>
    InvalidSenderId = 6,

    /// <summary>007 Invalid interchange ID qualifier for receiver (ISA07).</summary>
    InvalidReceiverQualifier = 7,

    /// <summary>008 Invalid interchange receiver ID (ISA08).</summary>
    InvalidReceiverId = 8,

    /// <summary>009 Unknown interchange receiver ID.</summary>
    UnknownReceiverId = 9,

    /// <summary>010 Invalid authorization information qualifier value (ISA01).</summary>
    InvalidAuthorizationQualifier = 10,

    /// <summary>011 Invalid authorization information value (ISA02).</summary>
    InvalidAuthorizationInformation = 11,

    /// <summary>012 Invalid security information qualifier value (ISA03).</summary>
    InvalidSecurityQualifier = 12,

    /// <summary>013 Invalid security information value (ISA04).</summary>
    InvalidSecurityInformation = 13,

    /// <summary>014 Invalid interchange date value (ISA09).</summary>
    InvalidDate = 14,

    /// <summary>015 Invalid interchange time value (ISA10).</summary>
    InvalidTime = 15,

    /// <summary>016 Invalid interchange standards identifier value (ISA11).</summary>
    InvalidStandardsIdentifier = 16,

    /// <summary>017 Invalid interchange version ID value (ISA12).</summary>
    InvalidVersionId = 17,

    /// <summary>018 Invalid interchange control number value (ISA13).</summary>
    InvalidControlNumber = 18,

    /// <summary>019 Invalid acknowledgment requested value (ISA14).</summary>
    InvalidAcknowledgmentRequested = 19,

    /// <summary>020 Invalid test indicator value (ISA15).</summary>
    InvalidTestIndicator = 20,

    /// <summary>021 Invalid number of included groups value (IEA01).</summary>
    InvalidNumberOfGroups = 21,

    /// <summary>022 Invalid control structure.</summary>
    InvalidControlStructure = 22,

    /// <summary>023 Improper (premature) end-of-file (transmission).</summary>
    PrematureEndOfFile = 23,

    /// <summary>024 Invalid interchange content (for example an invalid GS segment).</summary>
    InvalidContent = 24,

    /// <summary>025 Duplicate interchange control number.</summary>
    DuplicateControlNumber = 25,

    /// <summary>026 Invalid data element separator.</summary>
    InvalidElementSeparator = 26,

    /// <summary>027 Invalid component element separator.</summary>
    InvalidComponentSeparator = 27,
}
