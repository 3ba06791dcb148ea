using Credentials.Core.Domain;
using Credentials.Core.Portail;
using Credentials.Core.Utilisateurs;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Credentials.Core.Data;

public static class IdentityRegistration
{
    /// <summary>
    /// Les utilisateurs de la console (ASP.NET Core Identity sur le même contexte EF) : utilisé par le
    /// web (qui ajoute la connexion par cookie) et par la CLI (<c>create-user</c>).
    /// </summary>
    public static IdentityBuilder AddCredentialsIdentity(this IServiceCollection services)
    {
        // Console sign-in limits and lockout are ConnexionConsole's (CNIL 2022), not Identity's 5-failure lockout.
        services.AddOptions<OptionsConnexionConsole>().BindConfiguration(OptionsConnexionConsole.Section);
        services.TryAddScoped<LimiteurPortail>();
        services.AddSingleton<LeurreConnexionConsole>();
        services.AddScoped<ConnexionConsole>();
        return services.AddIdentityCore<Utilisateur>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<CredentialsDbContext>()
            .AddErrorDescriber<ErreursIdentiteFrancaises>()
            .AddPasswordValidator<MotDePasseCourantRefuse>()
            .AddDefaultTokenProviders();
    }
}

/// <summary>
/// Refuse pour la console les mots de passe que le portail refuse comme courants (ASVS 6.2.4) : à la création, à la
/// réinitialisation et dans « Mon mot de passe ».
/// </summary>
public sealed class MotDePasseCourantRefuse : IPasswordValidator<Utilisateur>
{
    public const string Code = "MotDePasseCourant";

    public Task<IdentityResult> ValidateAsync(UserManager<Utilisateur> manager, Utilisateur user, string? password) =>
        Task.FromResult(password is not null && PolitiqueMotDePasse.EstCourant(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "Ce mot de passe est trop courant (ou n'en diffère que par des chiffres ou des symboles au début ou à la fin) : choisissez-en un autre, par exemple une phrase de plusieurs mots." })
            : IdentityResult.Success);
}

/// <summary>Les messages d'Identity en français.</summary>
public sealed class ErreursIdentiteFrancaises : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"L'adresse « {email} » est déjà utilisée." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"L'utilisateur « {userName} » existe déjà." };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"L'adresse « {email} » n'est pas valide." };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Le mot de passe doit contenir au moins {length} caractères." };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Mot de passe incorrect." };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Une erreur est survenue." };
}
