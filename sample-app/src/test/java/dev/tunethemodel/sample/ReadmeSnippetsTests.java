package dev.tunethemodel.sample;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code java} snippet of the README compiles as written, against the class path of
 * this module's tests: the starter, the emulator, Spring's web annotations, Spring Boot's
 * test support, Spring Batch with {@code ttm-spring-batch}, and Spring AI with
 * {@code ttm-spring-ai}. A snippet that declares a top-level type is a source file of its
 * own; any other holds the members of a class: its imports stay at the top and the rest
 * becomes the body of a generated class, on the same lines, so that an error is reported
 * at its line of the README.
 */
class ReadmeSnippetsTests {

	private static final Path README = Path.of("..", "README.md");

	// the first hour and the reference, several accounts, per-call options, Spring Batch
	// and Spring AI included, without the benchmarks and history of other files
	private static final int MAX_README_LINES = 719;

	// a line that opens a top-level type: members are indented, or static
	private static final Pattern TOP_LEVEL_TYPE = Pattern
		.compile("^(?:(?:public|final|abstract|sealed|non-sealed)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");

	@TempDir
	Path classes;

	@Test
	void everyJavaSnippetOfTheReadmeCompiles() throws IOException {
		List<Snippet> snippets = Snippet.extract(Files.readAllLines(README));
		assertThat(snippets).isNotEmpty();
		assertThat(compile(snippets)).isEmpty();
	}

	@Test
	void readmeHasAtMost719Lines() throws IOException {
		assertThat(Files.readAllLines(README)).hasSizeLessThanOrEqualTo(MAX_README_LINES);
	}

	@Test
	void snippetThatDoesNotCompileIsReportedWithItsLinesInTheReadme() {
		List<String> markdown = List.of("# Names", "", "```java", "import java.util.List;", "",
				"List<String> names() {", "\treturn List.of(1);", "}", "```", "", "```java",
				"record Name(String text) {", "}", "```");
		assertThat(compile(Snippet.extract(markdown))).singleElement()
			.asString()
			.startsWith("README.md:7 (the snippet of line 4): ")
			.contains("incompatible types");
	}

	@Test
	void snippetOfMembersCompilesInAGeneratedClass() {
		List<String> markdown = List.of("```java", "import java.util.List;", "", "static final int SIZE = 2;", "",
				"// the names", "List<String> names() {", "\treturn List.of(\"a\", \"b\");", "}", "```");
		assertThat(compile(Snippet.extract(markdown))).isEmpty();
	}

	private List<String> compile(List<Snippet> snippets) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> errors = new ArrayList<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
			List<String> options = List.of("-proc:none", "-d", this.classes.toString(), "-classpath",
					System.getProperty("java.class.path"));
			for (Snippet snippet : snippets) {
				DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
				compiler.getTask(null, files, diagnostics, options, null, List.of(snippet.source())).call();
				for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
					if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
						errors.add("README.md:" + (snippet.line() + diagnostic.getLineNumber() - 1)
								+ " (the snippet of line " + snippet.line() + "): "
								+ diagnostic.getMessage(Locale.ROOT));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot close the compiler's file manager", ex);
		}
		return errors;
	}

	/**
	 * A {@code java} block of the README.
	 *
	 * @param line the README's line of the block's first line
	 * @param lines the block's lines
	 */
	record Snippet(int line, List<String> lines) {

		static List<Snippet> extract(List<String> markdown) {
			List<Snippet> snippets = new ArrayList<>();
			List<String> block = null;
			int start = 0;
			for (int index = 0; index < markdown.size(); index++) {
				String line = markdown.get(index);
				if (block == null && line.equals("```java")) {
					block = new ArrayList<>();
					start = index + 2;
				}
				else if (block != null && line.equals("```")) {
					snippets.add(new Snippet(start, block));
					block = null;
				}
				else if (block != null) {
					block.add(line);
				}
			}
			assertThat(block).as("a java block that is not closed, from line %d", start).isNull();
			return snippets;
		}

		JavaFileObject source() {
			for (String text : this.lines) {
				Matcher type = TOP_LEVEL_TYPE.matcher(text);
				if (type.find()) {
					return new Source(type.group(1), String.join("\n", this.lines));
				}
			}
			return new Source("ReadmeSnippet" + this.line, membersInClass("ReadmeSnippet" + this.line));
		}

		// the class opens on the first member's line, so that each line keeps its number
		private String membersInClass(String name) {
			List<String> source = new ArrayList<>(this.lines);
			for (int index = 0; index < source.size(); index++) {
				String text = source.get(index);
				if (!text.isBlank() && !text.startsWith("import ")) {
					source.set(index, "class " + name + " { " + text);
					break;
				}
			}
			source.add("}");
			return String.join("\n", source);
		}

	}

	private static final class Source extends SimpleJavaFileObject {

		private final String code;

		Source(String typeName, String code) {
			super(URI.create("string:///" + typeName + Kind.SOURCE.extension), Kind.SOURCE);
			this.code = code;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.code;
		}

	}

}
