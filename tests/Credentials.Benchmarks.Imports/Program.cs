using Credentials.Benchmarks.Imports;

// Stopwatch measurements run by hand (not timed tests): `dotnet run -c Release --project tests/Credentials.Benchmarks.Imports -- imports`.
return args.FirstOrDefault() switch
{
    "imports" => await BancImports.ExecuterAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Credentials.Benchmarks.Imports imports [--eleves 2500] [--responsables 4000]");
    return 2;
}
