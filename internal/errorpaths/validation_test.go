package errorpaths_test

import (
	"strings"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// validation's doc gives each parser's codes, params and reasons.
func init() {
	tables["validation"] = func() []row {
		var cpf validation.CPF
		var cnpj validation.CNPJ
		var phone validation.Phone
		var cep validation.CEP
		hex := strings.Repeat("a", 32)
		return []row{
			{"ParseCPF(\"\")", func() error { return err2(validation.ParseCPF("")) }, apierr.InvalidCPF, "cpf", apierr.ErrEmpty},
			{"ParseCPF(A)", func() error { return err2(validation.ParseCPF("2800123893A")) }, apierr.InvalidCPF, "cpf", apierr.ErrCharacter},
			{"ParseCPF(10 digits)", func() error { return err2(validation.ParseCPF("2800123893")) }, apierr.InvalidCPF, "cpf", apierr.ErrLength},
			{"ParseCPF(mask out of place)", func() error { return err2(validation.ParseCPF("280.01238938")) }, apierr.InvalidCPF, "cpf", validation.ErrMask},
			{"ParseCPF(11111111111)", func() error { return err2(validation.ParseCPF("11111111111")) }, apierr.InvalidCPF, "cpf", validation.ErrRepeatedDigits},
			{"ParseCPF(check digit)", func() error { return err2(validation.ParseCPF("28001238939")) }, apierr.InvalidCPF, "cpf", validation.ErrCheckDigit},
			{"CPF.UnmarshalText(check digit)", func() error { return cpf.UnmarshalText([]byte("28001238939")) }, apierr.InvalidCPF, "cpf", validation.ErrCheckDigit},
			{"CPFCheckDigits(8 digits)", func() error { return err2(validation.CPFCheckDigits("28001238")) }, apierr.InvalidCPF, "cpf", apierr.ErrLength},
			{"ParseCNPJ(\"  \")", func() error { return err2(validation.ParseCNPJ("  ")) }, apierr.InvalidCNPJ, "cnpj", apierr.ErrEmpty},
			{"ParseCNPJ(#)", func() error { return err2(validation.ParseCNPJ("11.222.333/0001-8#")) }, apierr.InvalidCNPJ, "cnpj", apierr.ErrCharacter},
			{"ParseCNPJ(zeros)", func() error { return err2(validation.ParseCNPJ("00000000000000")) }, apierr.InvalidCNPJ, "cnpj", validation.ErrRepeatedDigits},
			{"ParseCNPJ(check digit)", func() error { return err2(validation.ParseCNPJ("11222333000182")) }, apierr.InvalidCNPJ, "cnpj", validation.ErrCheckDigit},
			{"ParseCNPJStrict(lowercase)", func() error { return err2(validation.ParseCNPJStrict("12abc34501de35")) }, apierr.InvalidCNPJ, "cnpj", validation.ErrLowercase},
			{"CNPJ.UnmarshalText(13 chars)", func() error { return cnpj.UnmarshalText([]byte("1122233300018")) }, apierr.InvalidCNPJ, "cnpj", apierr.ErrLength},
			{"CNPJCheckDigits(11 chars)", func() error { return err2(validation.CNPJCheckDigits("11222333000")) }, apierr.InvalidCNPJ, "cnpj", apierr.ErrLength},
			{"ParsePhone(\"\")", func() error { return err2(validation.ParsePhone("")) }, apierr.InvalidFormat, "phone", apierr.ErrEmpty},
			{"ParsePhone(letter)", func() error { return err2(validation.ParsePhone("(11) 9123A-5678")) }, apierr.InvalidFormat, "phone", apierr.ErrCharacter},
			{"ParsePhone(+1)", func() error { return err2(validation.ParsePhone("+1 212 555 0100")) }, apierr.InvalidFormat, "phone", validation.ErrCountryCode},
			{"ParsePhone(DDD 20)", func() error { return err2(validation.ParsePhone("(20) 91234-5678")) }, apierr.InvalidFormat, "phone", validation.ErrDDD},
			{"ParsePhone(8-digit mobile)", func() error { return err2(validation.ParsePhone("(11) 8123-45678")) }, apierr.InvalidFormat, "phone", nil},
			{"ParsePhone(0800)", func() error { return err2(validation.ParsePhone("0800 123 4567")) }, apierr.InvalidFormat, "phone", validation.ErrNonGeographic},
			{"ParsePhone(1 MiB)", func() error { return err2(validation.ParsePhone(strings.Repeat("9", 1<<20))) }, apierr.InvalidFormat, "phone", nil},
			{"Phone.UnmarshalText(190)", func() error { return phone.UnmarshalText([]byte("190")) }, apierr.InvalidFormat, "phone", validation.ErrNonGeographic},
			{"ParseCEP(7 digits)", func() error { return err2(validation.ParseCEP("0131010")) }, apierr.InvalidFormat, "cep", apierr.ErrLength},
			{"ParseCEP(mask)", func() error { return err2(validation.ParseCEP("013-10100")) }, apierr.InvalidFormat, "cep", validation.ErrMask},
			{"CEP.UnmarshalText(letters)", func() error { return cep.UnmarshalText([]byte("abcde-fgh")) }, apierr.InvalidFormat, "cep", apierr.ErrCharacter},
			{"ParseEmail(no @)", func() error { return err2(validation.ParseEmail("ana.example.com")) }, apierr.InvalidFormat, "email", apierr.ErrSyntax},
			{"ParseEmail(two @)", func() error { return err2(validation.ParseEmail("a@b@example.com")) }, apierr.InvalidFormat, "email", apierr.ErrSyntax},
			{"ParseEmail(space)", func() error { return err2(validation.ParseEmail("ana maria@example.com")) }, apierr.InvalidFormat, "email", apierr.ErrCharacter},
			{"ParseEmail(65-byte local part)", func() error { return err2(validation.ParseEmail(strings.Repeat("a", 65) + "@example.com")) }, apierr.InvalidFormat, "email", apierr.ErrLength},
			{"ParseEmail(no dot in domain)", func() error { return err2(validation.ParseEmail("ana@localhost")) }, apierr.InvalidFormat, "email", validation.ErrHost},
			{"ParseEmail(invalid UTF-8)", func() error { return err2(validation.ParseEmail("an\xffa@example.com")) }, apierr.InvalidFormat, "email", apierr.ErrCharacter},
			{"CheckID(loan ID as offer)", func() error { return validation.CheckID("ln_"+hex, validation.CreditOffer) }, apierr.InvalidFormat, "credit_offer_id", apierr.ErrPrefix},
			{"CheckID(31 hex digits)", func() error { return validation.CheckID("co_"+hex[:31], validation.CreditOffer) }, apierr.InvalidFormat, "credit_offer_id", nil},
			{"CheckID(uppercase hex)", func() error { return validation.CheckID("sim_"+strings.ToUpper(hex), validation.Simulation) }, apierr.InvalidFormat, "simulation_id", nil},
			{"ResourceOf(xx_…)", func() error { return err2(validation.ResourceOf("xx_" + hex)) }, apierr.InvalidFormat, "id", nil},
			{"ParseStartingAfter(customer ID for loans)", func() error { return err2(validation.ParseStartingAfter("cust_"+hex, validation.Loan)) }, apierr.InvalidFormat, "starting_after", apierr.ErrPrefix},
			{"ParseLimit(0)", func() error { return err2(validation.ParseLimit("0")) }, apierr.ValueOutOfRange, "limit", apierr.ErrRange},
			{"ParseLimit(101)", func() error { return err2(validation.ParseLimit("101")) }, apierr.ValueOutOfRange, "limit", apierr.ErrRange},
			{"ParseLimit(-1)", func() error { return err2(validation.ParseLimit("-1")) }, apierr.InvalidFormat, "limit", apierr.ErrCharacter},
			{"ParseLimit(99999999999999999999)", func() error { return err2(validation.ParseLimit("99999999999999999999")) }, apierr.ValueOutOfRange, "limit", apierr.ErrRange},
			{"ParseWebhookURL(http)", func() error { return err2(validation.ParseWebhookURL("http://example.com/hook")) }, apierr.InvalidFormat, "url", validation.ErrScheme},
			{"ParseWebhookURL(no host)", func() error { return err2(validation.ParseWebhookURL("https:///hook")) }, apierr.InvalidFormat, "url", validation.ErrHost},
			{"ParseWebhookURL(user info)", func() error { return err2(validation.ParseWebhookURL("https://u:p@example.com/")) }, apierr.InvalidFormat, "url", validation.ErrUserInfo},
			{"ParseWebhookURL(2049 bytes)", func() error {
				return err2(validation.ParseWebhookURL("https://example.com/" + strings.Repeat("a", 2030)))
			}, apierr.InvalidFormat, "url", apierr.ErrLength},
			{"ParseWebhookURL(space)", func() error { return err2(validation.ParseWebhookURL("https://example.com/a b")) }, apierr.InvalidFormat, "url", apierr.ErrCharacter},
			{"CheckAccessToken(\"\")", func() error { return validation.CheckAccessToken("") }, apierr.MissingToken, "access_token", nil},
			{"CheckAccessToken(wrong prefix)", func() error { return validation.CheckAccessToken("dinie_cs_test_abc") }, apierr.InvalidToken, "access_token", nil},
			{"CheckClientSecret(live in sandbox)", func() error { return validation.CheckClientSecret("dinie_cs_live_abc", validation.Sandbox) }, apierr.Forbidden, "client_secret", validation.ErrEnvironment},
			{"CheckClientSecret(malformed)", func() error { return validation.CheckClientSecret("dinie_cs_test_", validation.Sandbox) }, apierr.InvalidToken, "client_secret", nil},
			{"ClientSecretEnvironment(whsec_)", func() error { return err2(validation.ClientSecretEnvironment("whsec_abc")) }, apierr.InvalidToken, "client_secret", nil},
		}
	}
}
