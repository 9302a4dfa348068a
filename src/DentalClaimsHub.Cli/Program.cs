using DentalClaimsHub.Cli;

return DchCli.Run(args, Console.Out, Console.Error);
