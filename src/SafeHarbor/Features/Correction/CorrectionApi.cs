namespace SafeHarbor.Features.Correction;

public static class CorrectionApi
{
    public static IServiceCollection AddCorrection(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapCorrection(this IEndpointRouteBuilder app) => app;
}
