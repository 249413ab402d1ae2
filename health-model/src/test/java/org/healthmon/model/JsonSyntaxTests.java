package org.healthmon.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonSyntax} never calls broken what the decoder's parser reads, and calls broken
 * what it cannot: checked against Jackson, with the decoder's features, on mutations of
 * valid messages.
 */
class JsonSyntaxTests {

	private static final JsonFactory JACKSON = JsonFactory.builder()
		.enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.build();

	private static final String MUTATIONS = "{}[]:,\"\\ \t\n0123456789-+.eEtrufalsnNI xQ\u0001";

	@ParameterizedTest
	@ValueSource(strings = { "{}", "[]", " {\"a\":[1,-2.5e+3,0,true,false,null,\"x\\u00e9\\n\"]} ", "[1,]",
			"{\"a\":1,}", "[NaN,Infinity,-Infinity,+Infinity]", "\"text\"", "42", "-0.0E-0", "[[[[{}]]]]",
			"{\"a\":{\"b\":{}},\"c\":[]}" })
	void acceptsWhatTheParserReads(String json) {
		assertThat(check(json)).isEqualTo(JsonSyntax.Verdict.JSON);
		assertThat(jacksonReads(json.getBytes(StandardCharsets.UTF_8))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "{\"a\"}", "{\"a\":}", "{,}", "[,]", "[1 2]", "01", "1.", ".5", "+1", "1e", "-",
			"tru", "nul", "\"\\x\"", "\"\\u12g4\"", "\"a\u0001\"", "{'a':1}", "{a:1}", "[1]]", "/* */{}", "{\"a\":1" })
	void refusesWhatTheParserRefuses(String json) {
		assertThat(check(json)).isIn(JsonSyntax.Verdict.BROKEN, JsonSyntax.Verdict.CONTENT_AFTER);
		assertThat(jacksonReads(json.getBytes(StandardCharsets.UTF_8))).isFalse();
	}

	@Test
	void emptyAndContentAfter() {
		assertThat(check(" \n\t")).isEqualTo(JsonSyntax.Verdict.EMPTY);
		assertThat(check("")).isEqualTo(JsonSyntax.Verdict.EMPTY);
		assertThat(check("{} {}")).isEqualTo(JsonSyntax.Verdict.CONTENT_AFTER);
		assertThat(check("{}x")).isEqualTo(JsonSyntax.Verdict.CONTENT_AFTER);
	}

	@Test
	void nestingPastTheLimitIsLeftToTheParser() {
		String deep = "[".repeat(JsonSyntax.MAX_DEPTH + 1) + "]".repeat(JsonSyntax.MAX_DEPTH + 1);
		assertThat(check(deep)).isEqualTo(JsonSyntax.Verdict.JSON);
		assertThat(check("[".repeat(JsonSyntax.MAX_DEPTH + 1))).isEqualTo(JsonSyntax.Verdict.JSON);
	}

	/**
	 * Random edits of valid messages: whenever the scanner says broken, the parser
	 * refuses too; and the scanner is not so lenient that the parser must often refuse
	 * what it let through.
	 */
	@Test
	void agreesWithTheParserOnMutations() {
		Random random = new Random(11);
		HealthMessageJson json = new HealthMessageJson();
		int letThrough = 0;
		int broken = 0;
		for (int i = 0; i < 200_000; i++) {
			byte[] valid = json.encode(new HealthMessage("svc-" + i, 1_796_000_000_000L + i, 12.5, 16, 8, 512, 100, i));
			byte[] mutated = mutate(valid, random);
			JsonSyntax.Verdict verdict = JsonSyntax.check(mutated, 0, mutated.length);
			boolean reads = jacksonReads(mutated);
			if (verdict != JsonSyntax.Verdict.JSON) {
				broken++;
				assertThat(reads)
					.as("the parser reads what the scanner called %s: %s", verdict,
							new String(mutated, StandardCharsets.UTF_8))
					.isFalse();
			}
			else if (!reads) {
				letThrough++;
			}
		}
		assertThat(broken).isGreaterThan(100_000);
		assertThat(letThrough).as("broken inputs the scanner let through").isLessThan(broken / 100);
	}

	/** The UTF-8 check agrees with the JDK's strict decoder on random bytes. */
	@Test
	void utf8AsTheJdkDecodesIt() {
		Random random = new Random(5);
		int valid = 0;
		for (int i = 0; i < 300_000; i++) {
			byte[] bytes = new byte[1 + random.nextInt(6)];
			for (int k = 0; k < bytes.length; k++) {
				// mostly bytes that start or continue multi-byte sequences
				bytes[k] = (byte) ((random.nextInt(4) == 0) ? random.nextInt(128) : 0x80 + random.nextInt(128));
			}
			boolean jdk = jdkDecodes(bytes);
			valid += jdk ? 1 : 0;
			assertThat(Utf8.isValid(bytes, 0, bytes.length)).as("%s", java.util.HexFormat.of().formatHex(bytes))
				.isEqualTo(jdk);
		}
		assertThat(valid).isGreaterThan(1000);
	}

	private static boolean jdkDecodes(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
				.onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes));
			return true;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return false;
		}
	}

	private static byte[] mutate(byte[] valid, Random random) {
		StringBuilder text = new StringBuilder(new String(valid, StandardCharsets.UTF_8));
		for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
			int at = random.nextInt(text.length());
			char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
			switch (random.nextInt(4)) {
				case 0 -> text.setCharAt(at, c);
				case 1 -> text.insert(at, c);
				case 2 -> text.deleteCharAt(at);
				default -> text.setLength(at);
			}
			if (text.length() == 0) {
				break;
			}
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static JsonSyntax.Verdict check(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return JsonSyntax.check(bytes, 0, bytes.length);
	}

	/** Whether the parser reads one whole value and nothing after it. */
	private static boolean jacksonReads(byte[] bytes) {
		try (JsonParser parser = JACKSON.createParser(bytes)) {
			if (parser.nextToken() == null) {
				return false;
			}
			parser.skipChildren();
			return parser.nextToken() == null;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
