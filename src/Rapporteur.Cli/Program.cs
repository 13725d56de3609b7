using Spectre.Console;

return await Rapporteur.Cli.RapporteurCli.RunAsync(args, AnsiConsole.Console, Console.IsOutputRedirected);
