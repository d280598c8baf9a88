// Each subcommand registers its options on the CLI11 app and returns the function that runs it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace ng::cli {

using Runner = std::function<int()>;

Runner add_export_command(CLI::App& app);
Runner add_stats_command(CLI::App& app);
Runner add_query_command(CLI::App& app);
Runner add_run_command(CLI::App& app);
Runner add_ingest_command(CLI::App& app);
Runner add_link_command(CLI::App& app);
Runner add_merge_command(CLI::App& app);

}  // namespace ng::cli
