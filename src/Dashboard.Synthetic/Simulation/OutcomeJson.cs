using System.Text;

namespace Dashboard.Synthetic.Simulation;

/// <summary>
/// SSD's *_outcome_json columns: every key present, each "Y" or "N", in SSD's key order
/// (data-to-insight/ssd-data-model v1.4 extract scripts). Strings are cached per combination.
/// </summary>
internal sealed class OutcomeJson
{
    public static readonly string[] ContactKeys =
    [
        "NEW_REFERRAL_FLAG", "EXISTING_REFERRAL_FLAG", "CP_ENQUIRY_FLAG", "NFA_FLAG", "NON_AGENCY_ADOPTION_FLAG",
        "PRIVATE_FOSTERING_FLAG", "ADVICE_FLAG", "MISSING_FLAG", "OLA_CP_FLAG", "OTHER_OUTCOMES_EXIST_FLAG",
    ];

    public static readonly string[] ReferralKeys =
    [
        "SINGLE_ASSESSMENT_FLAG", "STRATEGY_DISCUSSION_FLAG", "CLA_REQUEST_FLAG", "NON_AGENCY_ADOPTION_FLAG",
        "PRIVATE_FOSTERING_FLAG", "CP_TRANSFER_IN_FLAG", "CP_CONFERENCE_FLAG", "CARE_LEAVER_FLAG", "OTHER_OUTCOMES_EXIST_FLAG",
    ];

    public static readonly string[] AssessmentKeys =
    [
        "NFA_FLAG", "NFA_S47_END_FLAG", "STRATEGY_DISCUSSION_FLAG", "CLA_REQUEST_FLAG", "PRIVATE_FOSTERING_FLAG",
        "LEGAL_ACTION_FLAG", "PROV_OF_SERVICES_FLAG", "PROV_OF_SB_CARE_FLAG", "SPECIALIST_ASSESSMENT_FLAG",
        "REFERRAL_TO_OTHER_AGENCY_FLAG", "OTHER_ACTIONS_FLAG", "OTHER_OUTCOMES_EXIST_FLAG",
    ];

    public static readonly string[] S47Keys =
    [
        "NFA_FLAG", "LEGAL_ACTION_FLAG", "PROV_OF_SERVICES_FLAG", "PROV_OF_SB_CARE_FLAG", "CP_CONFERENCE_FLAG",
        "NFA_CONTINUE_SINGLE_FLAG", "MONITOR_FLAG", "OTHER_OUTCOMES_EXIST_FLAG",
    ];

    public static readonly string[] IcpcKeys =
    [
        "NFA_FLAG", "REFERRAL_TO_OTHER_AGENCY_FLAG", "SINGLE_ASSESSMENT_FLAG", "PROV_OF_SERVICES_FLAG", "CP_FLAG",
        "OTHER_OUTCOMES_EXIST_FLAG",
    ];

    private readonly string[] _keys;
    private readonly string?[] _cache;

    public OutcomeJson(string[] keys)
    {
        _keys = keys;
        _cache = new string?[1 << keys.Length];
    }

    /// <summary>The JSON with the named keys set to "Y" and the rest "N".</summary>
    public string With(params ReadOnlySpan<string> yes)
    {
        var mask = 0;
        foreach (var key in yes)
        {
            var i = Array.IndexOf(_keys, key);
            if (i < 0) throw new ArgumentException($"{key} is not an outcome key here.", nameof(yes));
            mask |= 1 << i;
        }
        return _cache[mask] ??= Build(mask);
    }

    private string Build(int mask)
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < _keys.Length; i++)
        {
            if (i > 0) text.Append(',');
            text.Append('"').Append(_keys[i]).Append("\":\"").Append((mask & (1 << i)) != 0 ? 'Y' : 'N').Append('"');
        }
        return text.Append('}').ToString();
    }
}
