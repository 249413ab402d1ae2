package org.healthmon.ui.support;

import java.util.ArrayList;
import java.util.List;

import org.healthmon.ui.UiApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The web UI in this JVM, on a free port, talking to a query service. */
public final class UiApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String base;

	public UiApp(String queryUrl, String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--healthmon.ui.query-url=" + queryUrl));
		args.addAll(List.of(extra));
		this.context = new SpringApplicationBuilder(UiApplication.class).run(args.toArray(String[]::new));
		this.base = "http://localhost:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public String base() {
		return this.base;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
