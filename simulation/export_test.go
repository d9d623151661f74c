package simulation

// Internal functions the external tests hold to the references.
var (
	AnnualHundredths = annualHundredths
	AnnualExact      = annualExact
)
